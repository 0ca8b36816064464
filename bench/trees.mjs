/** A Medable kValidationError fault with `nodes` faults in all: a tree of fan-out 10, filled breadth first. */
export function medableTree(nodes) {
  const root = { object: 'fault', name: 'validation', code: 'kValidationError', errCode: 'cortex.invalidArgument.unspecified', status: 400, message: 'Invalid Argument', faults: [] }
  const queue = [root]
  for (let made = 1, head = 0; made < nodes; made++) {
    const parent = queue[head]
    const child = { object: 'fault', name: 'validation', code: made % 3 === 0 ? 'kInvalidString' : 'kRequired', status: 400, reason: 'Required property', message: 'Please enter a value', path: `field${made}`, faults: [] }
    parent.faults.push(child)
    queue.push(child)
    if (parent.faults.length === 10) head++
  }
  return root
}
