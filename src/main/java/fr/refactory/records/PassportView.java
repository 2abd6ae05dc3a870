package fr.refactory.records;

import java.util.List;
import java.util.Map;

/**
 * A battery passport as one reader may see it: only the attributes their access level
 * allows are present.
 *
 * @param attributes the visible attributes; a value may be {@code null} when no worker or
 * plant system supplied it
 */
public record PassportView(String batteryId, PassportAccess access, Map<PassportAttribute, Object> attributes) {

	public boolean shows(PassportAttribute attribute) {
		return this.attributes.containsKey(attribute);
	}

	public Object value(PassportAttribute attribute) {
		return this.attributes.get(attribute);
	}

	@SuppressWarnings("unchecked")
	public List<SohReading> sohHistory() {
		return (List<SohReading>) this.attributes.getOrDefault(PassportAttribute.SOH_HISTORY, List.of());
	}

	@SuppressWarnings("unchecked")
	public List<PassportVersion> versions() {
		return (List<PassportVersion>) this.attributes.getOrDefault(PassportAttribute.VERSION_HISTORY, List.of());
	}

}
