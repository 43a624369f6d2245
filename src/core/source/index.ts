export { decode, type Decoded, type DecodeProblem } from './decode';
export { parseJson, MAX_DEPTH, type JsonNode, type ParsedJson, type SourceProblem } from './parse';
export { LineIndex, type Position } from './line-index';
export { nodeAtPointer, keyNodeAtPointer, pointerFrom, pointerSegments, propertyNode } from './pointer';
