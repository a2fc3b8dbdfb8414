package cn.jiyun.integrations.sandbox;

import java.util.List;

/** The labels the sandbox's print components have printed, oldest first: the demo's stand-in for the printer. */
@FunctionalInterface
public interface SandboxPrintedLabels {

    List<SandboxPrintComponent.Printed> all();
}
