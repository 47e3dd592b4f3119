package io.lifeboat.cli;

import java.io.IOException;

/** Opens the catalog's dashboard in the desktop's browser, when there is a desktop; the URL is printed anyway. */
final class Dashboard {

    private Dashboard() {
    }

    /** Starts {@code xdg-open url} if a display is set; a failure only means the person opens it by hand. */
    static void open(String url) {
        boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!desktop) {
            return;
        }
        try {
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.out.println("lifeboat: open " + url + " in a browser (xdg-open: " + e.getMessage() + ")");
        }
    }
}
