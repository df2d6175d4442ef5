/**
 * The two notifications on FintechOS's "Getting Status Changes Notifications Using Webhooks" page, verbatim: the
 * automation context FintechOS posts, the envelope's fields under Data. They differ in the last lines of Data only.
 */
export const FINTECHOS_EXAMPLE_ENVELOPE_ID = '7bfa100a-f52c-4915-b25d-210e6bb82f48';

function fintechosExample(envelopeId: string, lastDataLines: string): string {
  return `{
"UserId": "4afdc8a9-eb91-4359-81d6-c3a462fae866",
"Ids": null,
"Id": "00000000-0000-0000-0000-000000000000",
"EntityName": null,
"PreviousBusinessStatus": null,
"PreviousBWS": null,
"BusinessStatus": null,
"CurrentBWS": null,
"Values": null,
"AdditionalValues": null,
"PropertyBag": {},
"ExecutionDepth": 0,
"MessageSuccess": false,
"Message": null,
"ReloadPage": false,
"NavigateToUrl": null,
"NavigateToEntityPage": false,
"NavigateToEntityPageOnEdit": false,
"NavigateToEntityName": null,
"NavigateToEntityFormName": null,
"NavigateToEntityId": null,
"NavigateToEntityInsertDefaults": null,
"Data": {
"test": "12345",
"asdf": "abc",
"envelopeId": "${envelopeId}",
"recipientEmail": "",
"recipientOrder": "",
${lastDataLines}
},
"Fetch": null,
"BeforeValues": null,
"MergedValues": {}
}`;
}

/** The status example (a recipient opened the envelope); a test that needs an envelope of its own gives its id. */
export function fintechosStatusExample(envelopeId = FINTECHOS_EXAMPLE_ENVELOPE_ID): string {
  return fintechosExample(envelopeId, '"action": "workstepOpened"');
}

/** The finish example: the envelope finished, said by its action and by FTOSIsFinishCallback. */
export function fintechosFinishExample(envelopeId = FINTECHOS_EXAMPLE_ENVELOPE_ID): string {
  return fintechosExample(envelopeId, '"action": "envelopeFinished",\n"FTOSIsFinishCallback": "1"');
}
