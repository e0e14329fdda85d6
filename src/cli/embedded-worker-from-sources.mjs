// The embedded server's worker when the CLI runs from the TypeScript sources (a developer's checkout): a worker
// thread does not inherit the tsx loader the main thread registered, so it registers its own.
import { register } from 'tsx/esm/api'

register()
await import('./embedded-worker.ts')
