// Placeholder: the KubeSimScheduler component is being built (see issue 2).
