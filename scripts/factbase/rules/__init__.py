"""Cross-record rules. Each module holds one small rule family; each rule yields diagnostics."""
