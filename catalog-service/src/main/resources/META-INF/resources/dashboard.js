// The catalog dashboard: polls the query API every 2 s and renders targets, the DR timeline and recent events.
// Every string from the API reaches the page through textContent or attributes, never as markup.
(function () {
  'use strict';

  var POLL_MS = 2000;
  var TARGETS_URL = '/api/targets';
  var EVENTS_URL = '/api/events?limit=40';
  var DR_RUNS_URL = '/api/dr/runs?limit=20';
  // A step's state as the timeline marks it: done, running, failed, waiting (not started yet) or skipped.
  var STEP_MARKS = {
    DONE: ['done', '\u2713'],
    RUNNING: ['running', '\u25b6'],
    FAILED: ['failed', '\u2717'],
    PENDING: ['waiting', '\u25cb'],
    SKIPPED: ['skipped', '\u2013']
  };
  var STATUSES = ['RED', 'AMBER', 'GREEN', 'UNPROTECTED'];

  // Creates an element with a class and children (strings become text nodes).
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  // 252 -> "4m 12s", 300 -> "5m", 93784 -> "1d 2h": the two largest non-zero units.
  function duration(seconds) {
    var rest = Math.max(0, Math.floor(seconds));
    var parts = [];
    [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]].forEach(function (unit) {
      var n = Math.floor(rest / unit[1]);
      rest -= n * unit[1];
      if (n > 0 && parts.length < 2) {
        parts.push(n + unit[0]);
      }
    });
    return parts.length ? parts.join(' ') : '0s';
  }

  // An instant's age in words: "40 s ago", "12 min ago", "3 h ago", "5 d ago".
  function ago(iso) {
    if (!iso) {
      return '';
    }
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 60) {
      return seconds + ' s ago';
    }
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + ' min ago';
    }
    if (seconds < 172800) {
      return Math.floor(seconds / 3600) + ' h ago';
    }
    return Math.floor(seconds / 86400) + ' d ago';
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // Local date and time to the minute; the exact instant goes into a tooltip.
  function stamp(iso) {
    var d = new Date(iso);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
      + pad(d.getMinutes());
  }

  function time(iso) {
    var node = el('time', null, [stamp(iso)]);
    node.setAttribute('datetime', iso);
    node.title = iso;
    return node;
  }

  function targetCell(t) {
    var meta = [t.engine || 'engine unknown', t.tier || 'no policy'].join(' \u00b7 ');
    var dot = el('span', 'dot ' + t.status);
    dot.title = t.status;
    return el('td', null, [el('div', 'target-id', [dot, t.targetId]), el('div', 'meta', [meta])]);
  }

  function lagCell(t) {
    if (t.lagSeconds === null || t.lagSeconds === undefined || !t.rpoSeconds) {
      return el('td', null, [el('div', 'bar', [el('div', 'fill UNPROTECTED')]), el('div', 'lag muted',
        ['no RPO (no policy)'])]);
    }
    var fill = el('div', 'fill ' + t.status);
    fill.style.width = Math.min(100, Math.round(100 * t.lagSeconds / t.rpoSeconds)) + '%';
    var cell = el('td', null, [el('div', 'bar', [fill]),
      el('div', 'lag', [duration(t.lagSeconds) + ' of ' + duration(t.rpoSeconds)])]);
    if (t.breached) {
      cell.appendChild(el('div', 'bad', ['RPO breached']));
    }
    return cell;
  }

  function backupsCell(t) {
    var types = Object.keys(t.lastSuccess || {});
    if (!types.length) {
      return el('td', 'muted', ['none yet']);
    }
    var list = el('ul', 'backups');
    types.forEach(function (type) {
      var last = t.lastSuccess[type];
      var item = el('li', null, [type + ' ' + ago(last.at)]);
      item.title = last.backupId + ' at ' + last.at;
      list.appendChild(item);
    });
    return el('td', null, [list]);
  }

  function failureCell(t) {
    var f = t.lastFailure;
    if (!f) {
      return el('td', 'muted', ['none']);
    }
    var cell = el('td', null, [el('div', 'bad', [f.backupId + ' ' + ago(f.at)])]);
    if (f.detail) {
      cell.appendChild(el('div', 'meta', [f.detail]));
    }
    return cell;
  }

  function healthCell(t) {
    var h = t.health;
    if (!h) {
      return el('td', 'muted', ['not probed']);
    }
    if (h.healthy) {
      return el('td', null, [el('span', 'good', ['healthy']), el('div', 'meta', ['since ' + ago(h.since)])]);
    }
    return el('td', null, [el('span', 'bad', ['DOWN ' + ago(h.since)]), el('div', 'meta', [h.detail || ''])]);
  }

  function windowCell(t) {
    if (!t.restorablePoint) {
      return el('td', 'muted', ['nothing restorable']);
    }
    var from = t.earliestRestorable ? time(t.earliestRestorable) : el('span', 'muted', ['?']);
    return el('td', null, [from, ' \u2192 ', time(t.restorablePoint),
      el('div', 'meta', [t.continuousArchiving ? 'point in time' : 'backups only'])]);
  }

  function archiveCell(t) {
    var cell = el('td');
    var trouble = t.archiveTrouble;
    if (trouble) {
      cell.appendChild(el('div', 'warn', ['archiving stopped: ' + trouble.failure + (trouble.retrying
        ? ' (retrying)' : '')]));
      cell.appendChild(el('div', 'meta', [trouble.reason || '']));
    }
    (t.gaps || []).filter(function (g) {
      return !g.closedBy;
    }).forEach(function (g) {
      cell.appendChild(el('div', 'bad', ['open log gap' + (g.lostAfter ? ' after ' + stamp(g.lostAfter) : '')]));
      var lost = g.missingFrom ? g.missingFrom + (g.missingTo ? ' \u2026 ' + g.missingTo : '') : '';
      // The archive trouble above usually quotes the same reason; say it once.
      var reason = trouble && trouble.reason === g.reason ? '' : g.reason;
      var detail = [lost, reason].filter(Boolean).join(': ');
      if (detail) {
        cell.appendChild(el('div', 'meta', [detail]));
      }
    });
    if (!cell.childNodes.length) {
      cell.appendChild(el('span', 'muted', [t.archive ? 'archive ' + ago(t.archive.observedAt).replace(' ago', '')
        + ' old' : (t.continuousArchiving ? 'no archive yet' : '\u2014')]));
    }
    return cell;
  }

  function row(t) {
    var tr = el('tr', null, [targetCell(t), lagCell(t), backupsCell(t), failureCell(t), healthCell(t),
      windowCell(t), archiveCell(t)]);
    tr.setAttribute('data-target', t.targetId);
    tr.setAttribute('data-status', t.status);
    return tr;
  }

  function renderTargets(targets) {
    var body = document.getElementById('targets');
    var rows = targets.map(row);
    if (!rows.length) {
      rows = [el('tr', 'empty', [el('td', null, ['No targets in the catalog yet.'])])];
      rows[0].firstChild.colSpan = 7;
    }
    body.replaceChildren.apply(body, rows);
    var summary = document.getElementById('summary');
    summary.replaceChildren.apply(summary, STATUSES.map(function (status) {
      var n = targets.filter(function (t) {
        return t.status === status;
      }).length;
      return el('span', null, [el('span', 'dot ' + status), el('span', 'count', [String(n)]), ' '
        + status.toLowerCase()]);
    }));
  }

  function renderEvents(events) {
    var list = document.getElementById('events');
    var items = events.map(function (e) {
      var n = e.note;
      var item = el('li', n.severity, [el('div', 'head', [el('span', 'kind', [n.kind]), el('span', null, [ago(n.at)])]),
        el('div', 'target-id', [e.targetId]), el('div', null, [n.summary])]);
      item.title = n.at;
      return item;
    });
    if (!items.length) {
      items = [el('li', 'muted', ['No events yet.'])];
    }
    list.replaceChildren.apply(list, items);
  }

  function drRunCell(r) {
    var badge = el('span', 'dr-kind dr-kind-' + r.kind, [r.kind]);
    var cell = el('td', null, [badge, el('div', 'meta dr-run-id', [r.runId])]);
    if (r.dryRun) {
      cell.appendChild(el('div', 'meta', ['dry run']));
    }
    return cell;
  }

  function drStateCell(r) {
    var state = el('span', 'dr-state dr-state-' + r.state, [r.state.toLowerCase().replace(/_/g, ' ')]);
    return el('td', null, [state]);
  }

  // Seconds from start to end, or to now while the run goes on.
  function drDuration(r) {
    if (!r.startedAt) {
      return el('td', 'muted', ['?']);
    }
    var end = r.finishedAt ? Date.parse(r.finishedAt) : Date.now();
    var text = duration((end - Date.parse(r.startedAt)) / 1000);
    return el('td', 'dr-duration', [r.finishedAt ? text : text + ' so far']);
  }

  function drStepsCell(r) {
    var list = el('ol', 'dr-steps');
    (r.steps || []).forEach(function (s) {
      var mark = STEP_MARKS[s.state] || ['waiting', '?'];
      var item = el('li', 'dr-step dr-step-' + mark[0] + (s.name === r.currentStep ? ' current' : ''),
        [mark[1] + ' ' + s.name]);
      item.setAttribute('data-step', s.name);
      item.title = [s.description, s.note].filter(Boolean).join(': ') || s.name;
      list.appendChild(item);
    });
    return el('td', null, list.childNodes.length ? [list] : [el('span', 'muted', ['\u2014'])]);
  }

  function drOutcomeCell(r) {
    var cell = el('td');
    if (r.awaitingApproval) {
      cell.appendChild(el('div', 'dr-awaiting', ['awaiting approval' + (r.currentStep ? ': ' + r.currentStep
        : '')]));
    }
    if (r.outcome && !r.awaitingApproval) {
      cell.appendChild(el('div', 'dr-outcome', [r.outcome]));
    }
    (r.approvals || []).forEach(function (a) {
      cell.appendChild(el('div', 'meta', ['approved ' + a.stepId + ' by ' + a.approverId + ' ' + ago(a.at)]));
    });
    return cell;
  }

  function drRow(r) {
    var tr = el('tr', r.awaitingApproval ? 'awaiting' : null, [drRunCell(r), el('td', 'target-id', [r.targetId]),
      drStateCell(r), el('td', null, r.startedAt ? [time(r.startedAt)] : []), drDuration(r), drStepsCell(r),
      drOutcomeCell(r)]);
    tr.setAttribute('data-run-id', r.runId);
    tr.setAttribute('data-kind', r.kind);
    tr.setAttribute('data-state', r.state);
    return tr;
  }

  function renderDrRuns(runs) {
    var body = document.getElementById('dr-runs');
    var rows = runs.map(drRow);
    if (!rows.length) {
      rows = [el('tr', 'empty', [el('td', null, ['No DR runs yet.'])])];
      rows[0].firstChild.colSpan = 7;
    }
    body.replaceChildren.apply(body, rows);
  }

  function get(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' }).then(function (response) {
      if (!response.ok) {
        // The catalog explains a 503 in plain text; an HTML error page says nothing worth quoting.
        var plain = (response.headers.get('Content-Type') || '').indexOf('text/plain') === 0;
        return (plain ? response.text() : Promise.resolve('')).then(function (text) {
          throw new Error(url + ' answered ' + response.status + (text ? ': ' + text.slice(0, 200) : ''));
        });
      }
      return response.json();
    }, function (error) {
      throw new Error(url + ' is unreachable: ' + error.message);
    });
  }

  function showError(message) {
    var banner = document.getElementById('error');
    banner.textContent = 'Update failed: ' + message;
    banner.hidden = false;
  }

  function poll() {
    Promise.all([get(TARGETS_URL), get(EVENTS_URL), get(DR_RUNS_URL)]).then(function (answers) {
      renderTargets(answers[0]);
      renderEvents(answers[1]);
      renderDrRuns(answers[2]);
      document.getElementById('error').hidden = true;
      var now = new Date();
      var updated = document.getElementById('updated');
      updated.textContent = pad(now.getHours()) + ':' + pad(now.getMinutes()) + ':' + pad(now.getSeconds());
      updated.setAttribute('datetime', now.toISOString());
    }).catch(function (error) {
      showError(error.message);
    }).then(function () {
      // The next poll starts only after this one finished, so a slow answer never piles requests up.
      setTimeout(poll, POLL_MS);
    });
  }

  poll();
}());
