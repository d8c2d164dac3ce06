package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeViewModelTest {
    @TempDir
    Path dir;

    @Test
    void chosenThemeIsRememberedInTheSettingsTable() {
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            ThemeViewModel vm = new ThemeViewModel(ctx.settings(), new CurrentThreadTaskRunner());
            vm.load();
            assertEquals(Theme.LIGHT, vm.theme(), "light without a setting");
            vm.select(Theme.DARK);
            assertEquals(Theme.DARK, vm.theme());
        }
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            assertEquals(Optional.of("dark"), ctx.settings().get(ThemeViewModel.SETTING));
            ThemeViewModel vm = new ThemeViewModel(ctx.settings(), new CurrentThreadTaskRunner());
            vm.load();
            assertEquals(Theme.DARK, vm.theme());
        }
    }

    @Test
    void unknownSettingFallsBackToLight() {
        assertEquals(Theme.LIGHT, Theme.fromId("sepia"));
        assertEquals(Theme.DARK, Theme.fromId(" Dark "));
    }
}
