package org.concurrencylab.history;

import java.nio.file.Path;

/// The folder where the lab keeps what outlives a session: the run history and the settings.
///
/// `~/.concurrency-lab` by default; the system property `concurrencylab.home` or, failing it,
/// the environment variable `CONCURRENCY_LAB_HOME` names another folder. The folder is made
/// when something is first written to it.
///
/// @param folder the lab's folder
public record AppHome(Path folder) {
    public static final String PROPERTY = "concurrencylab.home";
    public static final String ENVIRONMENT = "CONCURRENCY_LAB_HOME";
    public static final String DEFAULT_FOLDER = ".concurrency-lab";

    public AppHome {
        folder = folder.toAbsolutePath().normalize();
    }

    /// The folder for this process: the system property, the environment variable, or the default.
    public static AppHome resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), System.getProperty("user.home"));
    }

    /// The folder for these values of the system property, the environment variable and the
    /// user's home folder (blank values count as unset).
    public static AppHome resolve(String property, String environment, String userHome) {
        if (property != null && !property.isBlank()) return new AppHome(Path.of(property.strip()));
        if (environment != null && !environment.isBlank()) return new AppHome(Path.of(environment.strip()));
        return new AppHome(Path.of(userHome == null || userHome.isBlank() ? "." : userHome, DEFAULT_FOLDER));
    }

    /// Where the run history goes: `history` in the lab's folder.
    public Path history() {
        return folder.resolve("history");
    }

    /// Where the settings go: `settings.json` in the lab's folder.
    public Path settings() {
        return folder.resolve("settings.json");
    }
}
