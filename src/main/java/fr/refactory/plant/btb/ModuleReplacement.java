package fr.refactory.plant.btb;

import java.util.List;

/**
 * Modules replaced in a pack, as the technician scanned them: the bench teaches the
 * pack's BMS the fitted modules, after which it reads them (domain brief §3.6 step 6.7a).
 */
public record ModuleReplacement(String batteryId, List<String> removedModules, List<String> fittedModules) {

	public ModuleReplacement {
		removedModules = List.copyOf(removedModules);
		fittedModules = List.copyOf(fittedModules);
	}

}
