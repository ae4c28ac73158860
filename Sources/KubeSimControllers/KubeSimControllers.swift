// Placeholder: the KubeSimControllers component is being built (see issue 2).
