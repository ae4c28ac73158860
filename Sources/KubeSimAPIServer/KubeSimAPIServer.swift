// Placeholder: the KubeSimAPIServer component is being built (see issue 2).
