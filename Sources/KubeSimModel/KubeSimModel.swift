// Placeholder: the KubeSimModel component is being built (see issue 2).
