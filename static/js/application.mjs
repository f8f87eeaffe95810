// The only script the pages load: starts every GOV.UK Frontend component on the page.
import { initAll } from "./govuk-frontend.min.js";

initAll();
