package cn.jiyun.routing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One parcel to collect: ready from {@code readyDay}; {@code shipBy} is the platform's ship-by deadline, met when the
 * hub's trunk carrying it leaves no later (null: no deadline).
 */
public record Parcel(String id, String producerId, long weightGrams, long volumeMillilitres, boolean chilled,
        LocalDate readyDay, Instant shipBy) {

    public Parcel {
        Hub.require(id, "id");
        Hub.require(producerId, "producerId");
        Hub.require(readyDay, "readyDay");
        if (weightGrams < 0 || volumeMillilitres < 0) {
            throw new IllegalArgumentException("parcel " + id + " has a negative size");
        }
    }

    /** The same parcel with another deadline (a dispatch policy's view of it). */
    public Parcel withShipBy(Instant otherShipBy) {
        return new Parcel(id, producerId, weightGrams, volumeMillilitres, chilled, readyDay, otherShipBy);
    }

    /** The same parcel ready on another day. */
    public Parcel withReadyDay(LocalDate otherReadyDay) {
        return new Parcel(id, producerId, weightGrams, volumeMillilitres, chilled, otherReadyDay, shipBy);
    }
}
