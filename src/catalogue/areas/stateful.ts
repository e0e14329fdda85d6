import { DOC } from '../links.ts'
import type { Requirement } from '../types.ts'
import { req } from './define.ts'

export const STATEFUL: readonly Requirement[] = [
  // Stateful
  req('msg.stateful.model', 'must', 'docs', DOC.page,
    'Any sequence of create, fetch, list, update and delete agrees with a model of one conversation'),
]
