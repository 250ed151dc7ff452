# Subcommands contributed by modules; each block is guarded by the module's target.
