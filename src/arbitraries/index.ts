/** The named input generators of the suite. Checks import them from here, so every input has one definition. */
export { everyNearMissOf, nearMissOf, nearMissSid, sid, type SidPrefix } from './sids.ts'
export { BODY_LIMIT, CHAT_BODY_LIMIT, overLimitBody, validBody } from './bodies.ts'
export { attributesJson, attributesObjectJson, isJson, notJson } from './json.ts'
export { anyCasing, orderValue, pageSize, pageSizeOutOfRange } from './listing.ts'
export { author } from './authors.ts'
export { CLASSES_TRIED, DATE_FORMS, INPUT_CLASSES, triedDates, triedSids, triedValues, type InputClass, type Parameter } from './classes.ts'
