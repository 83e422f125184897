package org.compact.tracker.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;

/**
 * Disables a browser test class, before the service even starts, when Chromium or chromedriver is not installed,
 * and says how to run it; the build reports the class as skipped with that reason.
 */
final class BrowserInstalled implements ExecutionCondition {
    static final String HOW = "Browser tests skipped: " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + " is missing. "
            + "Install them with 'apt-get install -y chromium chromium-driver' (.ci/run does this in CI), or point "
            + "-Dbrowser.chromium and -Dbrowser.chromedriver at other binaries.";

    static boolean present() {
        return Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (present()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        System.out.println(HOW);
        return ConditionEvaluationResult.disabled(HOW);
    }
}
