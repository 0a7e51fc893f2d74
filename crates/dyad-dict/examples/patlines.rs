fn main() {
    let p = std::env::args().nth(1).unwrap();
    let mut b = dyad_dict::Dictionaries::builder();
    b.add_file(std::path::Path::new(&p)).unwrap();
    let d = b.build();
    let mut lines: Vec<u32> = d.verb_blocks.iter().flat_map(|b| b.patterns.iter().map(|p| p.origin.line)).collect();
    lines.sort();
    for l in lines { println!("{l}"); }
}
