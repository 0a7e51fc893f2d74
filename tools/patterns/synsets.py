# Word classes for dyad's verb and noun patterns (written out to dictionaries/synsets.txt).
#
# Members are lemmas (singular nouns); a member may be a phrase ("prisoner of war"), which
# is matched as a unit. Keep members specific to one class where the same head word would
# otherwise mean two events: "military aid" is in &MILAID, bare "aid" in &AID.

SYNSETS = [
    # ---- people and groups ----
    ("PRISONER", "people held by the other side",
     "prisoner ; prisoner of war ; POW ; captive ; hostage ; detainee ; political prisoner ; "
     "abductee ; civilian detainee ; jailed activist ; prisoner of conscience"),
    ("REMAINS", "the dead handed back",
     "body ; remains ; corpse ; mortal remains"),
    ("SUSPECT", "wanted persons (extradition, judicial cooperation)",
     "suspect ; fugitive ; accused ; wanted man ; criminal ; perpetrator ; culprit ; "
     "terrorist suspect ; war crimes suspect ; gunman"),
    ("ENVOY", "diplomats (expulsion, recall, summons)",
     "ambassador ; diplomat ; envoy ; chargé d'affaires ; charge d'affaires ; consul ; "
     "embassy staff ; diplomatic staff ; attaché ; attache ; military attaché ; military attache ; "
     "embassy official ; diplomatic mission"),
    ("PEACEKEEPER", "peacekeeping forces",
     "peacekeeper ; peacekeeping force ; peacekeeping troops ; peacekeeping mission ; "
     "peacekeeping operation ; blue helmet ; international force ; stabilization force ; "
     "stabilisation force ; protection force ; multinational force ; UN force"),
    ("INSPECTOR", "inspectors, observers and monitors",
     "inspector ; weapons inspector ; nuclear inspector ; IAEA inspector ; observer ; "
     "monitor ; international observer ; election observer ; ceasefire monitor ; "
     "monitoring mission ; observer mission ; fact-finding mission ; UN investigator ; "
     "international investigator"),
    ("AIDAGENCY", "aid agencies and their staff",
     "aid agency ; aid group ; aid organization ; aid organisation ; aid worker ; "
     "humanitarian agency ; humanitarian organization ; humanitarian organisation ; "
     "humanitarian worker ; relief agency ; relief worker ; relief organization ; "
     "non-governmental organization ; non-governmental organisation ; NGO ; charity"),
    ("REFUGEE", "displaced people",
     "refugee ; asylum seeker ; displaced person ; internally displaced person ; evacuee"),
    ("POPULATION", "whole populations (mass expulsion, mass killing)",
     "population ; civilian population ; resident ; inhabitant ; villager ; minority ; "
     "ethnic minority ; community ; ethnic group ; local population"),
    ("PROTESTER", "people protesting",
     "protester ; protestor ; demonstrator ; rioter ; crowd ; marcher ; striker ; "
     "activist ; opposition supporter"),
    ("TROOPS", "armed forces as a mass",
     "troop ; troops ; force ; armed force ; soldier ; army ; military ; unit ; "
     "military unit ; military personnel ; serviceman ; contingent ; battalion ; brigade ; "
     "division ; paratrooper ; marine ; special force ; combat troops ; ground troops ; "
     "reservist ; fighter"),
    ("CAPTIVE", "combatants and others taken prisoner",
     "soldier ; serviceman ; fighter ; militant ; troop ; commander ; officer ; mercenary ; "
     "insurgent ; rebel ; prisoner ; member"),

    # ---- things and places ----
    ("TOWN", "places taken or lost in fighting",
     "town ; city ; village ; settlement ; territory ; region ; area ; district ; province ; "
     "base ; military base ; airbase ; air base ; airport ; port ; position ; stronghold ; "
     "hill ; island ; border post ; checkpoint ; outpost ; enclave ; bridgehead ; "
     "capital ; frontline town ; front-line town"),
    ("PROPERTY", "property that can be seized or returned",
     "property ; land ; asset ; frozen asset ; seized asset ; confiscated property ; "
     "vessel ; ship ; tanker ; boat ; aircraft ; plane ; cargo ; artefact ; artifact ; "
     "farm ; house ; home ; equipment ; oil field ; oilfield ; mine"),
    ("VESSEL", "ships and boats",
     "ship ; vessel ; tanker ; oil tanker ; boat ; cargo ship ; freighter ; fishing boat ; "
     "trawler ; yacht ; container ship ; merchant ship ; commercial vessel"),
    ("BUILDING", "buildings and civilian property damaged or destroyed",
     "house ; home ; building ; apartment block ; shop ; mosque ; church ; synagogue ; "
     "temple ; school ; hospital ; crop ; field ; orchard ; olive tree ; property ; "
     "village ; monument ; statue ; memorial ; office ; car ; vehicle"),
    ("ROAD", "routes and entrances blocked by protesters",
     "road ; highway ; motorway ; street ; bridge ; railway ; rail line ; railway line ; "
     "border crossing ; crossing ; entrance ; access road ; junction ; square ; port"),
    ("PREMISES", "premises raided or searched",
     "office ; home ; house ; premises ; headquarters ; newsroom ; apartment ; flat ; residence"),
    ("ROUTE", "strategic passages closed by force",
     "strait ; port ; sea lane ; shipping lane ; harbour ; harbor ; airspace ; supply route ; "
     "supply line ; corridor ; border ; border crossing ; canal"),

    # ---- weapons ----
    ("WEAPON", "weapons of any kind",
     "weapon ; arms ; arm ; missile ; rocket ; drone ; artillery ; shell ; tank ; "
     "ammunition ; munition ; bomb ; gun ; rifle ; mortar ; grenade ; warplane ; "
     "fighter jet ; air defence system ; air defense system ; howitzer ; launcher"),
    ("MILAID", "military aid and what it is made of",
     "military aid ; military assistance ; military support ; security assistance ; "
     "defence aid ; defense aid ; lethal aid ; arms ; arm ; weapon ; weaponry ; ammunition ; "
     "munition ; arms supply ; arms delivery ; weapons delivery ; military equipment ; "
     "military hardware ; tank ; fighter jet ; F-16 ; missile ; long-range missile ; "
     "air defence ; air defense ; air defence system ; air defense system ; Patriot ; "
     "artillery ; artillery shell ; howitzer ; drone ; armoured vehicle ; armored vehicle ; "
     "military package ; arms package ; "
     "military aid package ; military assistance package ; security assistance package ; weapons package"),
    ("ARTILLERY", "artillery, tanks, rockets and missiles fired from the ground or sea (194)",
     "artillery ; artillery fire ; shell ; shellfire ; tank ; tank fire ; howitzer ; "
     "rocket ; rocket fire ; missile ; ballistic missile ; cruise missile ; hypersonic missile ; "
     "multiple rocket launcher ; rocket launcher ; MLRS ; HIMARS ; Grad ; Iskander ; "
     "cannon ; naval gun ; heavy weapon ; heavy artillery ; mortar fire"),
    ("SMALLARMS", "small arms and light weapons (193)",
     "gun ; rifle ; machine gun ; assault rifle ; automatic weapon ; small arm ; pistol ; "
     "light weapon ; grenade ; rocket-propelled grenade ; RPG ; sniper fire ; gunfire ; "
     "bullet ; live ammunition ; live round ; mortar ; small-arms fire ; machine-gun fire"),
    ("AIRWEAPON", "aircraft and drones (195)",
     "drone ; attack drone ; kamikaze drone ; combat drone ; unmanned aerial vehicle ; UAV ; "
     "Shahed ; warplane ; fighter jet ; jet ; fighter plane ; bomber plane ; aircraft ; military aircraft ; "
     "helicopter ; helicopter gunship ; gunship ; air force ; aviation ; glide bomb ; "
     "guided bomb ; barrel bomb ; cluster bomb"),
    ("AIRSTRIKE", "attacks from the air (195)",
     "airstrike ; air strike ; air raid ; air attack ; aerial attack ; aerial bombardment ; "
     "aerial bombing ; bombing raid ; drone strike ; drone attack ; drone raid ; "
     "helicopter attack ; bombing campaign ; air campaign"),
    ("ATTACK", "military attacks in general (190)",
     "attack ; offensive ; assault ; raid ; strike ; military operation ; military strike ; "
     "incursion ; counteroffensive ; counter-offensive ; counterattack ; counter-attack ; "
     "ground offensive ; ground operation ; military action ; operation"),
    ("WMD", "weapons of mass destruction",
     "weapon of mass destruction ; WMD ; nuclear weapon ; nuke ; atomic bomb ; nuclear bomb ; "
     "nuclear warhead ; tactical nuclear weapon ; hydrogen bomb ; chemical weapon ; "
     "biological weapon ; bioweapon ; radiological weapon ; dirty bomb ; nerve agent ; "
     "poison gas"),
    ("NUKE", "nuclear weapons",
     "nuclear weapon ; nuke ; atomic bomb ; nuclear bomb ; nuclear warhead ; "
     "tactical nuclear weapon ; hydrogen bomb ; thermonuclear weapon ; nuclear device ; "
     "nuclear missile ; nuclear arsenal"),
    ("CBRN", "chemical, biological and radiological weapons",
     "chemical weapon ; chemical agent ; biological weapon ; bioweapon ; radiological weapon ; "
     "dirty bomb ; nerve agent ; sarin ; VX ; novichok ; mustard gas ; chlorine gas ; "
     "poison gas ; toxic gas ; chemical munition"),
    ("WMDATTACK", "attacks with weapons of mass destruction, as threatened",
     "nuclear strike ; nuclear attack ; nuclear war ; nuclear retaliation ; nuclear response ; "
     "nuclear annihilation ; chemical attack ; biological attack ; gas attack"),
    ("WARSHIP", "warships and strategic aircraft sent to show force",
     "warship ; aircraft carrier ; carrier ; carrier strike group ; destroyer ; frigate ; "
     "submarine ; nuclear submarine ; naval vessel ; naval flotilla ; strategic bomber ; "
     "bomber ; fighter jet ; warplane ; military aircraft"),
    ("EXERCISE", "military exercises",
     "exercise ; military exercise ; naval exercise ; drill ; military drill ; naval drill ; "
     "live-fire drill ; live-fire exercise ; war game ; wargame ; manoeuvre ; maneuver ; "
     "military manoeuvre ; military maneuver"),
    ("BOMB", "improvised explosives (183)",
     "bomb ; explosive ; explosive device ; improvised explosive device ; IED ; "
     "homemade bomb ; nail bomb ; parcel bomb ; letter bomb ; pipe bomb ; grenade"),
    ("CARBOMB", "car and truck bombs (1832)",
     "car bomb ; truck bomb ; vehicle bomb ; car bombing ; booby-trapped car ; "
     "vehicle-borne improvised explosive device ; VBIED ; bomb-laden car ; bomb-laden truck"),
    ("ROADSIDEBOMB", "roadside bombs (1833)",
     "roadside bomb ; roadside device ; roadside explosive ; roadside IED ; IED ; "
     "improvised explosive device ; landmine ; land mine"),
    ("SUICIDEATTACK", "suicide bombings (1831)",
     "suicide bombing ; suicide attack ; suicide bomb ; suicide blast ; suicide car bomb ; "
     "suicide vest ; suicide belt ; suicide truck bomb"),
    ("TERRORATTACK", "terrorist attacks not further specified (180)",
     "terrorist attack ; terror attack ; terrorist act ; act of terrorism ; terrorism ; "
     "terror plot ; attack on civilians"),
    ("AIRCRAFT", "aircraft that can be shot down",
     "aircraft ; plane ; jet ; fighter jet ; helicopter ; drone ; warplane ; airliner ; "
     "passenger plane ; military plane ; bomber ; UAV"),

    # ---- what is asked for, offered, refused (topics of 02, 03, 10, 12, 13) ----
    ("TRADE", "economic exchange (0211, 0311, 061 …)",
     "trade ; commerce ; investment ; economic cooperation ; economic co-operation ; "
     "economic ties ; trade ties ; trade relations ; economic relations ; business ties ; "
     "energy cooperation ; trade cooperation ; free trade"),
    ("MILCOOP", "military cooperation (0212, 0312, 062 …)",
     "military cooperation ; military co-operation ; defence cooperation ; defense cooperation ; "
     "security cooperation ; military ties ; defence ties ; defense ties ; military relations ; "
     "joint exercise ; joint military exercise ; joint drill ; joint patrol ; "
     "military alliance ; defence pact ; defense pact ; arms deal ; arms sale"),
    ("JUDCOOP", "judicial cooperation (0213, 0313, 063 …)",
     "judicial cooperation ; legal cooperation ; legal assistance ; mutual legal assistance ; "
     "law enforcement cooperation ; police cooperation ; extradition"),
    ("INTEL", "intelligence and information (0214, 0314, 064 …)",
     "intelligence ; information ; intelligence sharing ; information sharing ; intel ; "
     "intelligence data ; satellite imagery ; evidence ; data ; records"),
    ("DIPSUPPORT", "diplomatic, non-material support (022, 032, 102 …)",
     "support ; backing ; diplomatic support ; political support ; endorsement ; "
     "recognition ; diplomatic recognition ; solidarity ; diplomatic backing"),
    ("PROPOSAL", "plans and positions that can be supported",
     "proposal ; plan ; initiative ; resolution ; bid ; candidacy ; candidate ; position ; "
     "stance ; peace formula ; peace plan ; draft resolution"),
    ("AID", "aid not further specified",
     "aid ; assistance ; help ; aid package ; support package ; relief"),
    ("ECONAID", "economic and financial aid",
     "financial aid ; economic aid ; financial assistance ; economic assistance ; "
     "financial support ; economic support ; budget support ; macro-financial assistance ; "
     "loan ; credit ; credit line ; grant ; debt relief ; debt forgiveness ; debt cancellation ; "
     "debt restructuring ; bailout ; funding ; funds ; money ; cash ; reconstruction aid ; "
     "development aid ; financial package ; aid money ; "
     "financial aid package ; economic aid package ; financial support package"),
    ("HUMAID", "humanitarian aid",
     "humanitarian aid ; humanitarian assistance ; humanitarian help ; humanitarian supplies ; "
     "relief supplies ; relief aid ; emergency aid ; emergency assistance ; food aid ; food ; "
     "medicine ; medical aid ; medical supplies ; medical assistance ; shelter ; drinking water ; "
     "tent ; blanket ; vaccine ; humanitarian convoy ; aid convoy ; aid shipment ; "
     "humanitarian aid package ; relief package"),
    ("ASYLUM", "asylum and refuge",
     "asylum ; political asylum ; refuge ; sanctuary ; refugee status ; protection status ; "
     "temporary protection"),
    ("PROTECTION", "military protection",
     "protection ; military protection ; security guarantee ; security guarantees ; "
     "no-fly zone ; safe zone ; buffer zone ; air cover ; security umbrella ; "
     "nuclear umbrella"),
    ("REFORM", "political reform not further specified",
     "reform ; political reform ; democratic reform ; political change ; reform programme ; "
     "reform program ; reform agenda"),
    ("LEADERCHANGE", "change of leadership",
     "resignation ; ouster ; removal ; impeachment ; early election ; snap election ; "
     "new election ; fresh election ; change of leadership ; leadership change ; "
     "change of government ; transfer of power ; handover of power ; transition of power ; "
     "departure ; step-down"),
    ("ELECTION", "elections",
     "election ; early election ; snap election ; fresh election ; new election ; "
     "presidential election ; parliamentary election ; general election ; vote ; poll ; "
     "runoff ; referendum"),
    ("POLICY", "policies, decisions and laws that can be changed",
     "policy ; course ; stance ; position ; decision ; plan ; law ; bill ; legislation ; "
     "measure ; approach ; strategy ; rule ; regulation ; decree"),
    ("POLICYCHANGE", "change of policy",
     "policy change ; change of policy ; change in policy ; change of course ; "
     "policy shift ; policy reversal ; reversal ; u-turn ; rethink ; repeal"),
    ("POLICYISSUE", "policies protesters rise against (1412 …)",
     "law ; bill ; reform ; policy ; decision ; plan ; measure ; tax ; tax hike ; "
     "tax increase ; price hike ; price increase ; fuel price ; austerity ; austerity measure ; "
     "budget cut ; spending cut ; pension reform ; mobilization ; mobilisation ; conscription ; "
     "lockdown ; vaccine mandate ; judicial reform ; judicial overhaul ; corruption ; "
     "unemployment ; wage ; pay ; cost of living"),
    ("RIGHTS", "rights and freedoms",
     "right ; human right ; civil right ; political right ; minority right ; equal right ; "
     "land right ; language right ; labour right ; labor right ; worker right ; "
     "freedom ; civil liberty ; liberty ; press freedom ; freedom of speech ; "
     "freedom of expression ; freedom of assembly ; media freedom ; religious freedom ; "
     "fair trial ; due process ; equality ; equal treatment"),
    ("INSTCHANGE", "change of institutions or regime",
     "democracy ; democratization ; democratisation ; constitutional reform ; "
     "constitutional change ; constitutional amendment ; new constitution ; electoral reform ; "
     "institutional reform ; regime change ; autonomy ; self-determination ; self-rule ; "
     "independence ; federalism ; federalization ; federalisation ; multiparty system ; "
     "multiparty democracy ; civilian rule ; return to civilian rule ; separation of power ; "
     "secession ; statehood ; referendum on independence"),
    ("CONCESSION", "concessions",
     "concession ; compromise ; compensation ; reparation ; restitution ; territorial concession"),
    ("RESTRICTION", "administrative restrictions on people",
     "restriction ; curfew ; state of emergency ; martial law ; emergency rule ; emergency law ; "
     "emergency decree ; ban ; travel ban ; censorship ; internet shutdown ; internet blackout ; "
     "lockdown ; movement restriction ; restriction on movement ; media restriction ; "
     "house arrest"),
    ("PROTEST", "protest activities",
     "protest ; demonstration ; rally ; march ; protest march ; sit-in ; general strike ; "
     "labour strike ; labor strike ; national strike ; nationwide strike ; hunger strike ; "
     "walkout ; boycott ; unrest ; riot ; picket ; blockade ; occupation ; street protest"),
    ("SANCTION", "economic sanctions, boycotts and embargoes",
     "sanction ; economic sanction ; financial sanction ; targeted sanction ; embargo ; "
     "arms embargo ; trade embargo ; oil embargo ; gas embargo ; boycott ; trade restriction ; "
     "export ban ; import ban ; export control ; tariff ; punitive tariff ; asset freeze ; "
     "punitive measure ; restrictive measure ; economic measure ; economic blockade ; "
     "price cap ; sanctions package ; sanction package"),
    ("SANCTIONRELIEF", "easing of sanctions",
     "sanction relief ; sanctions relief ; easing of sanctions ; lifting of sanctions ; "
     "removal of sanctions ; end to sanctions ; lifting of embargo ; "
     "unfreezing of assets"),
    ("ACCESS", "access for international actors",
     "humanitarian access ; access ; aid access ; unhindered access ; unimpeded access ; "
     "safe passage ; humanitarian corridor ; aid corridor ; humanitarian pause ; "
     "aid delivery ; aid convoy"),
    ("CEASEFIRE", "ceasefires and truces",
     "ceasefire ; cease-fire ; truce ; armistice ; cessation of hostilities ; halt to fighting ; "
     "humanitarian ceasefire ; humanitarian truce ; temporary ceasefire ; permanent ceasefire ; "
     "energy ceasefire ; moratorium on strikes ; ceasefire agreement ; truce agreement"),
    ("WITHDRAWAL", "military withdrawals",
     "withdrawal ; troop withdrawal ; military withdrawal ; pullout ; pull-out ; "
     "withdrawal of troops ; withdrawal of forces ; drawdown ; disengagement"),
    ("DEESCALATION", "other steps down from fighting",
     "de-escalation ; deescalation ; restraint ; calm ; disengagement ; demobilization ; "
     "demobilisation ; disarmament ; demilitarization ; demilitarisation ; "
     "reduction of tension ; easing of tension"),
    ("FIGHTING", "fighting that can be stopped",
     "fighting ; hostility ; attack ; offensive ; bombing ; shelling ; bombardment ; "
     "airstrike ; air strike ; strike ; violence ; military operation ; military action ; "
     "escalation ; incursion ; combat ; rocket fire ; missile attack ; drone attack ; "
     "aggression ; invasion ; occupation ; blockade ; siege ; settlement construction"),
    ("TALKS", "talks, meetings, negotiation",
     "talk ; negotiation ; dialogue ; dialog ; peace talk ; peace negotiation ; meeting ; "
     "summit ; consultation ; discussion ; direct talk ; face-to-face meeting ; "
     "round of talks ; peace conference ; contact ; negotiating table"),
    ("NEGOTIATION", "negotiation proper (164, 134)",
     "talk ; negotiation ; dialogue ; dialog ; peace talk ; peace negotiation ; "
     "peace process ; round of talks ; negotiating process ; accession talk ; "
     "accession negotiation ; trade talk ; nuclear talk"),
    ("MEETING", "meetings and visits (161)",
     "meeting ; summit ; visit ; trip ; state visit ; official visit ; reception ; "
     "ceremony ; conference ; appointment"),
    ("PEACEDEAL", "settlement of a conflict",
     "peace deal ; peace agreement ; peace accord ; peace treaty ; peace plan ; "
     "peace settlement ; settlement ; political settlement ; negotiated settlement ; "
     "political solution ; diplomatic solution ; peaceful solution ; negotiated solution ; "
     "peace ; lasting peace ; just peace ; peace proposal ; peace formula ; peace initiative ; "
     "peace process ; reconciliation"),
    ("DISPUTE", "disputes and conflicts",
     "dispute ; conflict ; war ; crisis ; difference ; standoff ; stand-off ; row ; quarrel ; "
     "feud ; territorial dispute ; border dispute ; disagreement ; tension"),
    ("MEDIATION", "mediation",
     "mediation ; mediator ; mediation effort ; mediation offer ; good office ; arbitration ; "
     "third-party mediation ; international mediation ; facilitation"),
    ("AGREEMENT", "agreements and treaties",
     "agreement ; deal ; treaty ; accord ; pact ; memorandum ; memorandum of understanding ; "
     "convention ; protocol ; contract ; joint declaration ; joint statement ; declaration ; charter ; "
     "communique ; communiqué ; framework agreement ; roadmap ; road map ; arrangement ; "
     "association agreement ; partnership agreement"),
    ("LAW", "laws and norms that can be defied",
     "law ; rule ; norm ; international law ; resolution ; UN resolution ; order ; court order ; "
     "ruling ; court ruling ; regulation ; constitution ; sanction ; ban ; embargo ; "
     "arms embargo ; treaty ; obligation ; convention ; decree ; verdict"),
    ("COOPERATION", "cooperation in general",
     "cooperation ; co-operation ; partnership ; collaboration ; coordination"),
    ("CRIME", "crimes and corruption (1121, 091)",
     "crime ; corruption ; fraud ; bribery ; embezzlement ; money laundering ; tax evasion ; "
     "smuggling ; drug trafficking ; human trafficking ; trafficking ; theft ; murder ; "
     "graft ; abuse of power ; abuse of office ; extortion ; racketeering ; misappropriation ; "
     "kickback ; illegal enrichment ; cybercrime ; terrorism ; financing terrorism ; "
     "terror financing ; election fraud ; vote rigging ; rape"),
    ("ABUSE", "human rights abuses (1122, 092)",
     "human rights abuse ; human rights violation ; abuse ; torture ; mistreatment ; "
     "ill-treatment ; repression ; persecution ; discrimination ; arbitrary detention ; "
     "arbitrary arrest ; forced disappearance ; enforced disappearance ; extrajudicial killing ; "
     "sexual violence ; slavery ; forced labour ; forced labor ; police brutality ; "
     "abuse of prisoners ; apartheid"),
    ("AGGRESSION", "aggression and questionable military action (1123, 093)",
     "aggression ; military aggression ; act of aggression ; attack ; invasion ; provocation ; "
     "incursion ; shelling ; bombing ; violation of ceasefire ; ceasefire violation ; "
     "escalation ; airstrike ; strike ; hostility ; military buildup ; military build-up ; "
     "border violation ; airspace violation ; violation of airspace ; downing ; "
     "intervention ; sabotage"),
    ("WARCRIME", "war crimes (1124, 094)",
     "war crime ; crime against humanity ; genocide ; ethnic cleansing ; atrocity ; massacre ; "
     "deportation of children ; forced deportation ; use of chemical weapons ; "
     "indiscriminate attack ; attack on civilians ; execution of prisoners"),
    ("ESPIONAGE", "spying and treason (1125)",
     "espionage ; spying ; treason ; high treason ; sabotage ; collaboration with enemy ; "
     "collaborationism ; intelligence gathering ; cyber espionage ; spy"),
    ("ULTIMATUM", "ultimatums",
     "ultimatum ; final warning ; last warning ; final demand ; final offer"),
    ("CONSEQUENCE", "unspecified threatened consequences (130)",
     "consequence ; retaliation ; response ; retribution ; reprisal ; punishment ; revenge ; "
     "countermeasure ; counter-measure ; action ; measure ; dire consequence ; "
     "serious consequence"),
    ("MEDIA", "media and speech that can be restricted",
     "media ; press ; newspaper ; news outlet ; outlet ; television channel ; TV channel ; "
     "channel ; broadcaster ; radio station ; website ; news site ; internet ; social media ; "
     "social network ; messaging app ; VPN ; publication ; journalist"),
    ("PARTY", "parties and political groups (1722, 0812)",
     "party ; political party ; opposition party ; opposition ; movement ; political movement ; "
     "organization ; organisation ; group ; candidate ; opposition candidate ; opposition group ; "
     "politician ; opposition leader"),
]

SYNSETS += [
    ("RIOTCONTROL", "crowd-control weapons (175)",
     "tear gas ; teargas ; rubber bullet ; rubber-coated bullet ; plastic bullet ; "
     "water cannon ; stun grenade ; flash-bang ; pepper spray ; baton ; truncheon ; "
     "sound cannon"),
    ("THROWN", "things thrown by rioters (145)",
     "stone ; rock ; brick ; bottle ; petrol bomb ; molotov cocktail ; firebomb ; "
     "firework ; flare ; paving stone"),
    ("INFRA", "infrastructure targeted in fighting",
     "infrastructure ; energy infrastructure ; critical infrastructure ; power grid ; grid ; "
     "power plant ; power station ; thermal power plant ; energy facility ; substation ; "
     "port ; airfield ; airport ; refinery ; oil refinery ; oil depot ; fuel depot ; "
     "ammunition depot ; dam ; railway station ; bridge ; gas facility"),
    ("POLICE", "police and security forces (153)",
     "police ; riot police ; police officer ; security force ; national guard ; gendarmerie ; "
     "special police ; police unit ; OMON ; riot squad ; interior ministry troops"),
    ("EMERGENCY", "states of emergency and military rule",
     "state of emergency ; martial law ; emergency rule ; military rule ; emergency law ; "
     "state of siege ; emergency decree ; state of war ; emergency powers"),
]
