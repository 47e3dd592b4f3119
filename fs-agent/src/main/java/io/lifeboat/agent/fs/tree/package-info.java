/**
 * The file-system walk, the snapshot tree format (JSON Lines), the change cache built from the previous snapshot
 * and the restore side that writes a tree back under a target directory without ever leaving it.
 */
package io.lifeboat.agent.fs.tree;
