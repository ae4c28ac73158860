// Placeholder: the KubeSimScenario component is being built (see issue 2).
