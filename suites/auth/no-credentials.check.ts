import { check } from '../../src/harness/check.ts'
import { expectEveryOperationRefused } from './refused.ts'

// Create, fetch, list, update and delete with no Authorization header at all.
check('msg.auth.no-credentials', (ctx) => expectEveryOperationRefused(ctx, 'none', 'no credentials'))
