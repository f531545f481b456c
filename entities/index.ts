import { Prompt } from "./prompt";
import { Thread } from "./thread";
import { User } from "./user";

export { Platform, Thread } from "./thread";
export { Prompt } from "./prompt";
export { User } from "./user";

/** Every entity of the example project, for the DataSource's `entities` option. */
export const entities = [User, Prompt, Thread];
