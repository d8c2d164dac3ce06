package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aPlacementIsRememberedAcrossOpeningsOfTheFolder() {
        WindowPlacementViewModel.Placement p = new WindowPlacementViewModel.Placement(120, 80, 1440, 900, false);
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            new WindowPlacementViewModel(ctx.settings(), new CurrentThreadTaskRunner()).save(p);
        }
        List<WindowPlacementViewModel.Placement> applied = new ArrayList<>();
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            new WindowPlacementViewModel(ctx.settings(), new CurrentThreadTaskRunner()).load(applied::add);
        }
        assertEquals(List.of(p), applied);
    }

    @Test
    void aSettingThatIsNoPlacementIsIgnored() {
        assertEquals(Optional.empty(), WindowPlacementViewModel.Placement.parse("1,2,3"));
        assertEquals(Optional.empty(), WindowPlacementViewModel.Placement.parse("a,b,c,d,true"));
        assertEquals(Optional.empty(), WindowPlacementViewModel.Placement.parse("0,0,10,10,false"), "too small");
        assertTrue(WindowPlacementViewModel.Placement.parse("-1200,40,1000,700,true").isPresent(),
                "a screen left of the primary one has negative x");
    }
}
