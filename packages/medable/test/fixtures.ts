/** The fault example of medable-faults.txt, verbatim: a kValidationError with four child faults. */
export const seedValidationFault = {
  object: 'fault',
  name: 'validation',
  code: 'kValidationError',
  status: 400,
  faults: [
    { object: 'fault', name: 'validation', code: 'kRequired', status: 400, reason: 'Required property', message: 'Please enter a value', path: 'dob' },
    { object: 'fault', name: 'validation', code: 'kRequired', status: 400, reason: 'Required property', path: 'name.last' },
    { object: 'fault', name: 'validation', code: 'kEnumValue', status: 400, reason: 'One of: m, f', path: 'gender' },
    { object: 'fault', name: 'fault', code: 'kInvalidString', status: 500, reason: 'Enter text between 1 and 100 characters in length', path: 'name.first' },
  ],
}

/** The invalid-object fault of FACTS.md (Cortex docs). */
export const invalidObjectFault = {
  object: 'fault',
  name: 'error',
  code: 'kInvalidObject',
  errCode: 'cortex.invalidArgument.object',
  status: 400,
  message: 'Invalid or unknown object.',
  path: 'missing',
}

/** The validation tree of FACTS.md (Cortex docs), with errCodes. */
export const cortexValidationFault = {
  object: 'fault',
  name: 'error',
  code: 'kValidationError',
  errCode: 'cortex.invalidArgument.unspecified',
  status: 400,
  message: 'Invalid Argument',
  faults: [
    { object: 'fault', name: 'validation', code: 'kRequired', errCode: 'cortex.validation.required', status: 400, message: 'Please enter a value', path: 'account.password', reason: 'Required property' },
    { object: 'fault', name: 'error', code: 'kInvalidString', errCode: 'cortex.error.unspecified', status: 500, message: 'Error', path: 'account.name.first', reason: 'Enter text between 1 and 100 characters in length' },
  ],
}

/** A chain of `depth` nested faults below a kValidationError, each with a path (built without recursion). */
export function deepFault(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = { object: 'fault', name: 'validation', code: 'kValidationError', status: 400 }
  let parent = root
  for (let level = 1; level <= depth; level++) {
    const child: Record<string, unknown> = { object: 'fault', code: 'kRequired', status: 400, reason: 'Required property', path: `level${level}` }
    parent.faults = [child]
    parent = child
  }
  return root
}

/** A kValidationError with `width` children, each with a path. */
export function wideFault(width: number): Record<string, unknown> {
  const faults = Array.from({ length: width }, (_, i) => ({ object: 'fault', code: 'kEnumValue', status: 400, reason: 'One of: m, f', path: `items.${i}` }))
  return { object: 'fault', name: 'validation', code: 'kValidationError', status: 400, faults }
}
