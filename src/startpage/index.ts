import { start } from "./startPage";

start();
