import { check } from '../../src/harness/check.ts'
import { expectAccepted, expectRejected } from '../../src/harness/verify.ts'

// ContentVariables "a structurally valid JSON string". With a Content template that exists (given to the run, or made
// by the check where the target allows: src/harness/references.ts), the near miss Python's str() of a dict gives
// (single quotes) must be refused as a validation error; the same create with the variables as JSON must then be
// accepted, which shows that the refusal was about the variables, not the template or anything else in the request.
check('msg.create.content-variables-invalid', async ({ messages, contentTemplate, observe }) => {
  const template = await contentTemplate()
  const [name, value] = Object.entries(template.variables)[0]!
  const invalid = `{'${name}': '${value}'}`
  const refused = await messages.create({ ContentSid: template.sid, ContentVariables: invalid })
  expectRejected(refused, `ContentVariables ${JSON.stringify(invalid)} (not JSON) with ContentSid ${template.sid}`)
  const valid = await messages.create({ ContentSid: template.sid, ContentVariables: JSON.stringify(template.variables) })
  expectAccepted(valid, `the same create with ContentVariables ${JSON.stringify(JSON.stringify(template.variables))} (valid JSON)`)
  observe(`ContentVariables that are not JSON refused with ${refused.response.status}; the same create with valid ones accepted`)
})
