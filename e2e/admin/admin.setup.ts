import { test as setup } from "@playwright/test";
import { OWNER_EMAIL, OWNER_STATE, signInThroughMail } from "../fixtures/admin";

// The owner signs in once; the admin tests start from this state and make other campaigners through it.
setup("the owner signs in", async ({ page }) => {
  await signInThroughMail(page, OWNER_EMAIL);
  await page.context().storageState({ path: OWNER_STATE });
});
