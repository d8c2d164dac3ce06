package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.InventoryStore;
import dev.underlay.background.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeViewModelTest {
    @TempDir
    Path dir;

    static Settings settings(InventoryStore store) {
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return store.setting(key);
            }

            @Override
            public void put(String key, String value) {
                store.putSetting(key, value);
            }
        };
    }

    @Test
    void chosenThemeIsRememberedInTheSettingsTable() {
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            ThemeViewModel vm = new ThemeViewModel(settings(ctx.inventory().store()), new CurrentThreadTaskRunner());
            vm.load();
            assertEquals(Theme.LIGHT, vm.theme(), "light without a setting");
            vm.select(Theme.DARK);
            assertEquals(Theme.DARK, vm.theme());
        }
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            assertEquals(Optional.of("dark"), ctx.inventory().store().setting(ThemeViewModel.SETTING));
            ThemeViewModel vm = new ThemeViewModel(settings(ctx.inventory().store()), new CurrentThreadTaskRunner());
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
