import { describeFidelity } from "../fidelity";

describeFidelity("sqlite");
