import KubeSimCLI
