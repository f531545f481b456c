// The scenarios rewrite this list with every step; a fresh project has no entities yet.
export const entities: Function[] = [];
