#!/usr/bin/env node
// The package bin: registers tsx (resolved from this package, not the caller's folder) and runs the CLI.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/entry.ts')
