import { describeFidelity } from "../fidelity";

describeFidelity("postgres");
