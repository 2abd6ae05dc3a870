package fr.refactory.plant.doc;

import java.util.Map;

/**
 * @param template CONVERSION_CERTIFICATE, QUALITY_RECORD, CERTIFICATE_OF_DESTRUCTION,
 * LOCKOUT_CERTIFICATE, ...
 * @param data the values the template prints
 */
public record DocumentRequest(String template, String subjectKey, Map<String, String> data) {
}
