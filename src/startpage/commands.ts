import { startRibbon } from "./ribbon";

startRibbon();
