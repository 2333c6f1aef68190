/** Small profile texts shared by the profile tests; the real examples live in profiles/. */
export const minimalYaml = `school:
  name: Test School
  contacts:
    sbm: { name: Office, email: office@test.sch.uk }
domains:
  internal: [test.sch.uk]
`;

export const minimalData = {
  school: { name: 'Test School', contacts: { sbm: { name: 'Office', email: 'office@test.sch.uk' } } },
  domains: { internal: ['test.sch.uk'] },
};

/** minimalData plus the given sections, for tests that exercise one rule at a time. */
export function withSections(sections: Record<string, unknown>): Record<string, unknown> {
  return { ...minimalData, ...sections };
}
