package io.lifeboat.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OS account a server runs as: when this JVM runs as root, commands are wrapped in {@code runuser -u <name> --}
 * and files are handed over with chown; otherwise commands run as the current user unchanged.
 */
public record OsUser(String name) {

    /** Whether this JVM runs with uid 0. */
    public static boolean currentIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Whether commands must be wrapped to switch to this account. */
    public boolean needsSwitch() {
        return currentIsRoot() && !"root".equals(name);
    }

    /** The command line that runs {@code command} as this account. */
    public List<String> wrap(List<String> command) {
        if (!needsSwitch()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes this account the owner of {@code root} and everything below it. */
    public void takeOwnership(Path root) {
        if (!needsSwitch()) {
            return;
        }
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        try (Stream<Path> paths = Files.walk(root)) {
            UserPrincipal user = lookup.lookupPrincipalByName(name);
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, user);
            }
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("OS user '" + name + "' does not exist; it is needed to run the server"
                    + " because this JVM runs as root (the package that ships the server normally creates it)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to chown " + root + " to OS user '" + name + "': " + e.getMessage(),
                    e);
        }
    }
}
