// Placeholder: the KubeSimKernel component is being built (see issue 2).
