// Placeholder: the KubeSimNodeAgent component is being built (see issue 2).
