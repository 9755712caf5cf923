package io.precis.app.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.UI;

/** Instants as people read them: in the browser's time zone where Vaadin knows it, else the server's. */
public final class BrowserTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private BrowserTime() {
    }

    public static String format(Instant instant) {
        if (instant == null) return "";
        return FORMAT.format(instant.atZone(zone()));
    }

    private static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getInternals().getExtendedClientDetails() != null) {
            try {
                String id = ui.getInternals().getExtendedClientDetails().getTimeZoneId();
                if (id != null && !id.isBlank()) return ZoneId.of(id);
            } catch (RuntimeException ignored) {
                // an unknown zone id: keep the server's zone
            }
        }
        return ZoneId.systemDefault();
    }
}
