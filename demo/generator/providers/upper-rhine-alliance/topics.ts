import type { TopicRow } from '../../lib/model.ts';

/** Courses grouped by the theme page that lists them. */
export const themes: { slug: string; name: string; topics: TopicRow[] }[] = [
  {
    slug: 'digital',
    name: 'Digital transformation',
    topics: [
      [
        'Data Literacy for Researchers',
        '0542 0611',
        'finding, cleaning and analysing research data',
        'assess the quality of a dataset; analyse data with open-source tools; visualise results for publication',
      ],
      [
        'Research Software Engineering',
        '0613',
        'writing sustainable research software',
        'use version control and automated testing; package and document research code; publish citable software',
      ],
      [
        'Cybersecurity for SMEs',
        '0612',
        'protecting small and medium-sized enterprises from cyber attacks',
        'assess the cyber risk of an SME; implement basic security controls; prepare an incident response plan',
      ],
      [
        'Open Science and FAIR Data',
        '0322 0542',
        'open science practices and FAIR research data management',
        'write a data management plan; make data findable, accessible, interoperable and reusable; choose open licences',
      ],
      [
        'Artificial Intelligence in Manufacturing',
        '0714 0613',
        'machine learning for quality control and predictive maintenance',
        'identify AI use cases on the shop floor; train a defect-detection model; evaluate predictive maintenance data',
      ],
      [
        'Digital Humanities: Text Mining',
        '0232 0613',
        'computational analysis of historical and literary texts',
        'prepare a text corpus; apply topic modelling and named-entity recognition; interpret results critically',
      ],
    ],
  },
  {
    slug: 'green',
    name: 'Green transition',
    topics: [
      [
        'Hydrogen Technologies',
        '0713 0711',
        'producing, storing and using green hydrogen',
        'compare electrolysis technologies; assess hydrogen storage options; evaluate hydrogen projects economically',
      ],
      [
        'Circular Economy Design',
        '0712 0212',
        'designing products for reuse, repair and recycling',
        'apply circular design strategies; assess material flows; redesign a product for circularity',
      ],
      [
        'Climate Adaptation in Cities',
        '0731 0521',
        'adapting cities to heat, drought and flooding',
        'assess urban climate risks; design nature-based solutions; involve citizens in adaptation planning',
      ],
      [
        'Sustainable Viticulture',
        '0812 0811',
        'growing grapes sustainably in a changing climate',
        'manage vineyard soils sustainably; reduce pesticide use; adapt vineyards to climate change',
      ],
      [
        'Life Cycle Assessment',
        '0712 0521',
        'life cycle assessment of products and services (ISO 14040/44)',
        'define the goal and scope of an LCA; build a life cycle inventory; interpret impact assessment results',
      ],
      [
        'River Ecosystem Restoration',
        '0522 0521',
        'restoring rivers and floodplains of the Upper Rhine',
        'assess the ecological status of a river; plan restoration measures; monitor restoration success',
      ],
    ],
  },
  {
    slug: 'health',
    name: 'Health and care',
    topics: [
      [
        'Cross-Border Healthcare in Europe',
        '0912 0312',
        'patient mobility and healthcare cooperation across EU borders',
        'explain the EU directive on cross-border healthcare; compare health systems in France, Germany and Switzerland; organise cross-border care pathways',
      ],
      [
        'One Health: Zoonotic Diseases',
        '0841 0912',
        'the links between human, animal and environmental health',
        'explain how zoonoses emerge; design an integrated surveillance system; communicate One Health risks',
      ],
      [
        'Digital Health and Telemedicine',
        '0912 0613',
        'digital health applications and telemedicine services',
        'evaluate digital health applications; plan a telemedicine service; address data protection in eHealth',
      ],
      [
        'Pharmacovigilance',
        '0916',
        'monitoring the safety of medicines',
        'detect and report adverse drug reactions; assess safety signals; meet EU pharmacovigilance requirements',
      ],
      [
        'Interprofessional Palliative Care',
        '0913 0921',
        'palliative care delivered by interprofessional teams',
        'assess and manage symptoms at the end of life; communicate with patients and families; work in an interprofessional team',
      ],
      [
        'Biostatistics for Clinical Trials',
        '0542 0912',
        'statistical design and analysis of clinical trials',
        'calculate sample sizes; analyse trial data with survival methods; report trials following CONSORT',
      ],
    ],
  },
  {
    slug: 'society',
    name: 'Languages and society',
    topics: [
      [
        'German for Academic Purposes (B2)',
        '0231',
        'academic German for study and research',
        'follow lectures in German; write academic texts in German; present research in German',
        'de',
      ],
      [
        'French–German Intercultural Communication',
        '0231 0314',
        'working across French and German cultures',
        'recognise cultural differences at work; negotiate in intercultural teams; avoid common misunderstandings',
        'fr de',
      ],
      [
        'EU Law and Policy for Practitioners',
        '0421 0312',
        'how EU law is made and applied',
        'explain the EU legislative process; apply EU law in national contexts; follow and influence EU policy',
      ],
      [
        'Teaching in Multilingual Classrooms',
        '0114 0231',
        'teaching pupils who speak many languages',
        'plan language-sensitive lessons; use pupils’ home languages as a resource; assess learners fairly',
      ],
      [
        'Social Entrepreneurship',
        '0413 0314',
        'building ventures with social and environmental impact',
        'design a social business model; measure social impact; find impact funding',
      ],
      [
        'Science Communication',
        '0321',
        'communicating research to the public and the media',
        'write for non-specialist audiences; give media interviews; plan a public engagement activity',
      ],
    ],
  },
];
