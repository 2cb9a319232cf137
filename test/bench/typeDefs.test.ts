import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { readRawCypher } from '../../bench/raw/rawCypher';
import { inlineRawStatements, loadPeerTypeDefs } from '../../bench/peer/typeDefs';

describe('inlineRawStatements', () => {
  it('replaces "@raw name" by the statement as a GraphQL string', () => {
    const out = inlineRawStatements('type Query { x: Int @cypher(statement: "@raw x", columnName: "x") }', () => 'MATCH (n {id: "a\\\\b"})\nRETURN 1 AS x');
    const field = (parse(out).definitions[0] as { fields: { directives: { arguments: { value: { value: string } }[] }[] }[] }).fields[0];
    expect(field?.directives[0]?.arguments[0]?.value.value).toBe('MATCH (n {id: "a\\\\b"})\nRETURN 1 AS x');
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
