/** Real records of the running sample zone for the suite to aim at, found and made over HTTP. */
import { Client, DEMO } from './app';
import type { Samples } from './routes';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
	c.charCodeAt(0)
);

export async function sampleRecords(base: string): Promise<{ samples: Samples; staff: Client; editorNM: Client; editorTE: Client; admin: Client }> {
	const staff = await new Client(base, '203.0.113.20').signIn(...DEMO.staff);
	const editorNM = await new Client(base, '203.0.113.21').signIn(...DEMO.editorNM);
	const editorTE = await new Client(base, '203.0.113.22').signIn(...DEMO.editorTE);
	const admin = await new Client(base, '203.0.113.24').signIn(...DEMO.admin);
	const plots = ((await staff.get('/api/search?pageSize=50&stale=1')).json!.items as { code: string; park: { code: string } }[]) ?? [];
	const buildings = ((await staff.get('/api/search?kind=building&pageSize=50&stale=1')).json!.items as { code: string; park: { code: string } }[]) ?? [];
	const pick = (xs: { code: string; park: { code: string } }[], park: string) => {
		const x = xs.find((i) => i.park.code === park);
		if (!x) throw new Error(`no published site in park ${park} to test with`);
		return x.code;
	};
	const tour = await staff.request('POST', '/api/console/tours', {
		json: {
			title: 'Resilience suite tour',
			stops: [
				{ siteKind: 'point', code: null, location: [118.5, 37.42], label: 'Hotel', dwellMin: 10 },
				{ siteKind: 'point', code: null, location: [118.52, 37.41], label: 'Gate', dwellMin: 10 }
			]
		}
	});
	if (tour.status !== 200) throw new Error(`creating a tour answered ${tour.status}: ${tour.text}`);
	const tourId = Number(tour.json!.id);
	const share = await staff.request('POST', `/api/console/tours/${tourId}/share`, { json: {} });
	const plotNM = pick(plots, 'NM');
	const enquirer = new Client(base, '203.0.113.23');
	const enquiry = await enquirer.request('POST', '/api/enquiries', {
		json: { siteKind: 'plot', siteCode: plotNM, company: 'Sample Ltd', contactName: 'Qian', contactEmail: 'qian@example.com' }
	});
	const enquiryTE = await enquirer.request('POST', '/api/enquiries', {
		json: { siteKind: 'plot', siteCode: pick(plots, 'TE'), company: 'Sample TE Ltd', contactName: 'Sun', contactPhone: '0546 7654321' }
	});
	const enquiryId = async (reference: unknown) => Number(((await staff.get(`/api/console/enquiries?q=${reference}`)).json!.rows as { id: number }[])[0].id);
	const projectIn = async (park: string) => Number(((await staff.get(`/api/console/projects?park=${park}`)).json!.rows as { id: number }[])[0].id);
	const target = await staff.request('POST', '/api/console/chains/targets', { json: { link: 'fc_device', name: 'Resilience target firm' } });
	if (target.status !== 200) throw new Error(`adding a target firm answered ${target.status}: ${target.text}`);
	const proposal = await staff.request('POST', '/api/console/proposals', { json: { title: 'Resilience proposal', sites: [{ kind: 'plot', code: plotNM }] } });
	if (proposal.status !== 200) throw new Error(`making a proposal answered ${proposal.status}: ${proposal.text}`);
	const made = proposal.json!.proposal as { id: number; token: string };
	const form = new FormData();
	form.set('kind', 'plot');
	form.set('code', plotNM);
	form.set('caption', 'Site gate');
	form.set('file', new File([PNG], 'gate.png', { type: 'image/png' }));
	const photo = await staff.request('POST', '/api/console/photos', { multipart: form });
	if (photo.status !== 200) throw new Error(`uploading a photo answered ${photo.status}: ${photo.text}`);
	return {
		samples: {
			plotNM,
			plotTE: pick(plots, 'TE'),
			buildingNM: pick(buildings, 'NM'),
			buildingTE: pick(buildings, 'TE'),
			park: 'NM',
			tourId,
			token: String(share.json!.token),
			reference: String(enquiry.json!.reference),
			photoId: Number(photo.json!.id),
			enquiryNM: await enquiryId(enquiry.json!.reference),
			enquiryTE: await enquiryId(enquiryTE.json!.reference),
			projectNM: await projectIn('NM'),
			projectTE: await projectIn('TE'),
			targetFirmId: Number(target.json!.id),
			proposalId: made.id,
			proposalToken: made.token
		},
		staff,
		admin,
		editorNM,
		editorTE
	};
}
