import { describe, expect, it } from '@jest/globals';
import { Kind, parse } from 'graphql';
import { readRawCypher } from '../../bench/raw/rawCypher';
import { inlineRawStatements, loadPeerTypeDefs } from '../../bench/peer/typeDefs';

describe('inlineRawStatements', () => {
  it('replaces "@raw name" by the statement as a GraphQL string', () => {
    const out = inlineRawStatements('type Query { x: Int @cypher(statement: "@raw x", columnName: "x") }', () => 'MATCH (n {id: "a\\\\b"})\nRETURN 1 AS x');
    const def = parse(out).definitions[0];
    const arg = def?.kind === Kind.OBJECT_TYPE_DEFINITION ? def.fields?.[0]?.directives?.[0]?.arguments?.[0] : undefined;
    expect(arg?.value.kind === Kind.STRING ? arg.value.value : undefined).toBe('MATCH (n {id: "a\\\\b"})\nRETURN 1 AS x');
  });
});

describe('loadPeerTypeDefs', () => {
  it('inlines every raw statement the peer names, and the result parses', () => {
    const names: string[] = [];
    const typeDefs = loadPeerTypeDefs((name) => {
      names.push(name);
      return readRawCypher(name);
    });
    expect(names.sort()).toEqual(['compliance', 'impact', 'search', 'subgraph']);
    expect(typeDefs).not.toContain('statement: "@raw');
    expect(() => parse(typeDefs)).not.toThrow();
  });
});
