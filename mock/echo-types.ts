// The shape of mock/echo-operations.generated.ts: one OpenAPI operation as the `stateless-echo` fault answers it.

/** The schema facets of a parameter or form field that the echo validates, as Prism does. */
export interface EchoSchema {
  type?: 'string' | 'integer' | 'boolean' | 'number'
  enum?: readonly string[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  format?: string
}

export interface EchoParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: EchoSchema
}

export interface EchoOperation {
  method: 'GET' | 'POST' | 'DELETE'
  /** The OpenAPI path template, `/v1/Conversations/{ConversationSid}/Messages`. */
  path: string
  params: readonly EchoParameter[]
  /** The form body's fields, when the operation takes one. */
  form?: { required: readonly string[]; properties: Readonly<Record<string, EchoSchema>> }
  /** The lowest 2xx status the operation documents: the one Prism answers. */
  status: number
  /** The first example of that status (none for a 204). */
  example?: unknown
}
