package fr.refactory.plant.mes;

import java.time.Instant;

/**
 * Hold every item that shares a suspect cause since the last good check (domain brief
 * §3.5 step 5.6c).
 *
 * @param scopeType EQUIPMENT or STATION
 * @param scopeKey the equipment or station id
 * @param since the time of the last good check
 */
public record ContainmentRequest(String scopeType, String scopeKey, Instant since) {
}
