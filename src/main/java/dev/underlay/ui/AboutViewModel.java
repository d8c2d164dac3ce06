package dev.underlay.ui;

import dev.underlay.about.BuildInfo;
import dev.underlay.about.BundledLibrary;
import dev.underlay.background.TaskRunner;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Help &gt; About: the build (version and commit, as {@code underlay --version} says), the Java runtime, the data
 * folder in use and where the secrets key is, and the libraries bundled with their licences. The facts are read
 * from the classpath by a background task ({@link #load()}); {@link #details()} is the text "Copy details" puts on
 * the clipboard for a bug report.
 */
public final class AboutViewModel {
    private final TaskRunner tasks;
    private final Supplier<BuildInfo> build;
    private final Supplier<List<BundledLibrary>> bundled;
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runtime = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataFolder;
    private final ReadOnlyStringWrapper keysFolder;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<BundledLibrary> libraries = FXCollections.observableArrayList();
    private final ObservableList<BundledLibrary> librariesView = FXCollections.unmodifiableObservableList(libraries);

    /**
     * @param dataFolder the data folder this console has open (or is opening)
     * @param keysFolder the folder of the user's secrets keys
     */
    public AboutViewModel(TaskRunner tasks, Supplier<BuildInfo> build, Supplier<List<BundledLibrary>> bundled,
                          String dataFolder, String keysFolder) {
        this.tasks = tasks;
        this.build = build;
        this.bundled = bundled;
        this.dataFolder = new ReadOnlyStringWrapper(dataFolder);
        this.keysFolder = new ReadOnlyStringWrapper(keysFolder);
    }

    /** Reads the build's facts and its libraries in the background. */
    public void load() {
        message.set("Reading the build's facts\u2026");
        tasks.submit("about", () -> new Facts(build.get(), BuildInfo.runtime(), bundled.get()), f -> {
            version.set("Version " + f.build().describe());
            runtime.set("Java " + f.runtime());
            libraries.setAll(f.libraries());
            message.set(f.libraries().isEmpty() ? "This build does not list its libraries (it was not built by Maven)."
                    : f.libraries().size() + " bundled libraries, each under its own licence:");
            loaded.set(true);
        }, e -> message.set("Cannot read the build's facts: " + e.getMessage()));
    }

    /** Everything shown, as plain text: what a bug report should say about this installation. */
    public String details() {
        StringBuilder b = new StringBuilder("Underlay ").append(version.get().replaceFirst("^Version ", ""))
                .append('\n').append(runtime.get()).append('\n')
                .append("Data folder: ").append(dataFolder.get()).append('\n')
                .append("Secrets keys: ").append(keysFolder.get()).append('\n');
        for (BundledLibrary l : libraries) {
            b.append(l.coordinates()).append(" (").append(l.licence()).append(")\n");
        }
        return b.toString();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runtimeProperty() {
        return runtime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keysFolderProperty() {
        return keysFolder.getReadOnlyProperty();
    }

    /** What the libraries table is about, or why it is empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<BundledLibrary> libraries() {
        return librariesView;
    }

    private record Facts(BuildInfo build, String runtime, List<BundledLibrary> libraries) {
    }
}
