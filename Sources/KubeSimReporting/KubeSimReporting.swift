// Placeholder: the KubeSimReporting component is being built (see issue 2).
